# shipped presets
