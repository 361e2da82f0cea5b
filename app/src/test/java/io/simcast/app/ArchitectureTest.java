package io.simcast.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of docs/ARCHITECTURE.md, each with its reason. */
@AnalyzeClasses(packages = "io.simcast", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule simKnowsNothingAboveIt = noClasses().that().resideInAPackage("io.simcast.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("io.simcast.streaming..", "io.simcast.app..",
                    "javafx..", "io.undertow..", "dev.onvoid..")
            .because("the simulation runs headless, in RL workers and tests, without a web server or a UI");

    @ArchTest
    static final ArchRule streamingKnowsNothingOfTheConsole = noClasses().that()
            .resideInAPackage("io.simcast.streaming..")
            .should().dependOnClassesThat().resideInAnyPackage("io.simcast.app..", "javafx..")
            .because("the headless host runs on servers without JavaFX");

    @ArchTest
    static final ArchRule consoleViewModelsHoldNoUiNodes = noClasses().that()
            .resideInAPackage("io.simcast.app.console..").and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "org.fxmisc.richtext..")
            .because("view-models are tested with plain JUnit; the views bind to them (docs/CONSOLE.md)");

    @ArchTest
    static final ArchRule onlyTheWebRtcAndMediaPackagesTouchWebRtcJava = noClasses().that()
            .resideOutsideOfPackages("io.simcast.streaming.webrtc..", "io.simcast.streaming.media..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.onvoid..")
            .because("native WebRTC objects have one owner thread and a teardown order that only those two"
                    + " packages know");

    @ArchTest
    static final ArchRule onlyTheRenderPackageTouchesGl = noClasses().that()
            .resideOutsideOfPackage("io.simcast.sim.render..")
            .should().dependOnClassesThat().resideInAnyPackage("org.lwjgl..")
            .because("one package owns EGL/GL and its thread rules");
}
