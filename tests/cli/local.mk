# command-line tests (owner: lead)
CLI_TESTS = \
	tests/cli/options.sh \
	tests/cli/no-terminal.sh \
	tests/cli/set.sh \
	tests/cli/lists.sh \
	tests/cli/presets.sh \
	tests/cli/man.sh \
	tests/cli/conventions.sh
TESTS += $(CLI_TESTS)
EXTRA_DIST += tests/cli/lib.sh $(CLI_TESTS)
