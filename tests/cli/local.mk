# command-line tests (owner: lead)
TESTS += \
	tests/cli/options.sh \
	tests/cli/no-terminal.sh \
	tests/cli/set.sh \
	tests/cli/lists.sh \
	tests/cli/presets.sh \
	tests/cli/man.sh
EXTRA_DIST += tests/cli
