package io.simcast.sim.scene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each way the memory cap can stop the compile check's child, as it says so, reads as "out of memory" (not as a
 * crash): HostileSceneTest meets them at random, depending on where the allocation that fails happens to be.
 */
class OutOfMemoryVerdictTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "terminate called after throwing an instance of 'std::bad_alloc'",
            "MuJoCo error: Could not allocate memory",
            "# There is insufficient memory for the Java Runtime Environment to continue.",
            "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
            "cannot allocate memory for thread-local data: ABORT"})
    void theChildsLastWordsOnMemoryReadAsOutOfMemory(String said) {
        assertThat(IsolatedSceneCompiler.outOfMemory("some output\n" + said + "\n")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Segmentation fault", "#  SIGSEGV (0xb) at pc=0x00007f3a2c1d4e10, pid=4242, tid=4243"})
    void otherDeathsAreNot(String said) {
        assertThat(IsolatedSceneCompiler.outOfMemory(said)).isFalse();
    }
}
