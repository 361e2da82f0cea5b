package io.simcast.sim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simcast.sim.mujoco.global.MuJoCo;
import org.junit.jupiter.api.Test;

class MuJoCoLibraryTest {

    @Test
    void reportsTheVersionOfDebiansMuJoCo() {
        assertThat(MuJoCoLibrary.version()).isEqualTo("2.2.2");
    }

    @Test
    void aMuJoCoErrorBecomesAJavaExceptionInsteadOfExitingTheProcess() {
        MuJoCoLibrary.load();
        assertThatThrownBy(() -> MuJoCo.mju_error("something broke"))
                .isInstanceOf(RuntimeException.class)
                .hasMessage("MuJoCo error: something broke");
        // The JVM is still here and MuJoCo still works after the error.
        assertThat(MuJoCoLibrary.version()).isEqualTo("2.2.2");
    }

    @Test
    void warningsAreCountedAndHandedToTheThreadThatCausedThem() {
        MuJoCoLibrary.load();
        MuJoCoLibrary.drainWarnings();
        long before = MuJoCoLibrary.warningCount();
        MuJoCo.mju_warning("careful");
        assertThat(MuJoCoLibrary.warningCount()).isEqualTo(before + 1);
        assertThat(MuJoCoLibrary.drainWarnings()).containsExactly("careful");
        assertThat(MuJoCoLibrary.drainWarnings()).isEmpty();
    }
}
