package io.simcast.sim.mujoco.presets;

import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.tools.Info;
import org.bytedeco.javacpp.tools.InfoMap;
import org.bytedeco.javacpp.tools.InfoMapper;

/**
 * JavaCPP description of Debian's MuJoCo 2.2.2 headers. The build parses the headers with it into
 * {@code io.simcast.sim.mujoco} (one class per struct, functions in {@code global.MuJoCo}) and compiles the JNI glue
 * against {@code libmujoco.so}, plus Simcast's own helpers ({@code simcast_*.h}: the error handler, the profiler's clock, and the
 * document outline the scene sandbox reads through MuJoCo's own XML parser, tinyxml2). Nothing generated is committed.
 */
@Properties(
        target = "io.simcast.sim.mujoco",
        global = "io.simcast.sim.mujoco.global.MuJoCo",
        value = @Platform(
                value = "linux-x86_64",
                include = {"mjexport.h", "mjtnum.h", "mjmodel.h", "mjdata.h", "mjvisualize.h", "mjrender.h",
                        "mjui.h", "mujoco.h", "simcast_mujoco.h", "simcast_xml.h",
                        "simcast_timer.h"},
                link = {"mujoco@.2.2.2", "tinyxml2@.9"}))
public class MuJoCoPreset implements InfoMapper {

    /** Every {@code struct mjX_}; mapped onto its typedef so fields and functions share one Java class. */
    private static final String[] STRUCTS = {
        "mjContact", "mjData", "mjLROpt", "mjModel", "mjOption", "mjSolverStat", "mjStatistic", "mjTimerStat",
        "mjUI", "mjVFS", "mjVisual", "mjWarningStat", "mjrContext", "mjrRect", "mjuiDef", "mjuiItem",
        "mjuiItemEdit", "mjuiItemMulti", "mjuiItemSingle", "mjuiItemSlider", "mjuiSection", "mjuiState",
        "mjuiThemeColor", "mjuiThemeSpacing", "mjvCamera", "mjvFigure", "mjvGLCamera", "mjvGeom", "mjvLight",
        "mjvOption", "mjvPerturb", "mjvScene",
    };

    @Override
    public void map(InfoMap infoMap) {
        infoMap.put(new Info("MJAPI", "MJLOCAL", "MUJOCO_HELPER_DLL_IMPORT", "MUJOCO_HELPER_DLL_EXPORT",
                        "MUJOCO_HELPER_DLL_LOCAL").cppTypes().annotations())
                .put(new Info("mjUSEDOUBLE").define())
                .put(new Info("mjtNum").cast().valueTypes("double").pointerTypes("DoublePointer"))
                .put(new Info("mjtByte").cast().valueTypes("byte").pointerTypes("BytePointer"))
                // Statement macros and generic math macros make no sense as Java functions.
                .put(new Info("mjMARKSTACK", "mjFREESTACK", "mjDISABLED", "mjENABLED", "mjMAX", "mjMIN").skip())
                // g++ cannot take the address of a 2-D array of function pointers (mjCOLLISIONFUNC).
                .put(new Info("mjCOLLISIONFUNC").skip())
                // The mju_* math aliases (#define mju_sqrt sqrt) are libc functions, not MuJoCo API.
                .put(new Info("mju_sqrt", "mju_exp", "mju_sin", "mju_cos", "mju_tan", "mju_asin", "mju_acos",
                        "mju_atan2", "mju_tanh", "mju_pow", "mju_abs", "mju_log", "mju_log10", "mju_floor",
                        "mju_ceil").skip())
                .put(new Info("simcast_throw_mujoco_error", "simcast_clock_millis").skip());
        for (String struct : STRUCTS) {
            infoMap.put(new Info(struct + "_").pointerTypes(struct));
        }
    }
}
