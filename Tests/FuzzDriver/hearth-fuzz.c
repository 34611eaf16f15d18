// hearth-fuzz: the fuzz targets' entry points, in C so that `make fuzz` (built with
// -DHEARTH_LIBFUZZER and -sanitize=fuzzer) gets libFuzzer's own main, which SwiftPM's renaming
// of a Swift executable's entry point would clash with. The work is done in Swift
// (FuzzChecks' FuzzEntryPoints.swift).
#include <stddef.h>
#include <stdint.h>

int hearth_fuzz_initialize(void);
int hearth_fuzz_test_one_input(const uint8_t *data, size_t size);
int hearth_fuzz_replay(int argc, char **argv);

#ifdef HEARTH_LIBFUZZER
int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    return hearth_fuzz_initialize();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return hearth_fuzz_test_one_input(data, size);
}
#else
// An ordinary build replays files: `hearth-fuzz <target> <input>...`.
int main(int argc, char **argv) {
    return hearth_fuzz_replay(argc, argv);
}
#endif
