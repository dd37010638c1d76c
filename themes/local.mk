# shipped themes
