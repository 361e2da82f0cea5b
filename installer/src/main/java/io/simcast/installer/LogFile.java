package io.simcast.installer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Adds {@value #FILE_NAME} in the logs folder to the logging the app's own {@code logback.xml} set up (stderr, levels,
 * LOG_LEVEL), so an installed app that was started from a menu, with no terminal, still leaves a record. The file
 * rolls over daily and at {@value #MAX_FILE_MB} MB, keeps {@value #DAYS_KEPT} days and at most {@value #TOTAL_MB} MB.
 * Called once on {@code main} before anything else logs.
 */
final class LogFile {
    static final String FILE_NAME = "simcast.log";
    private static final int MAX_FILE_MB = 10;
    private static final int DAYS_KEPT = 14;
    private static final int TOTAL_MB = 100;
    /** The pattern of the app's stderr log, with the date: a file outlives the day. */
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

    private LogFile() {}

    /** Starts writing every log line also to {@code folder/simcast.log}, which must exist. */
    static void attach(Path folder) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(folder.resolve(FILE_NAME).toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(folder.resolve("simcast.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf(MAX_FILE_MB + "MB"));
        policy.setMaxHistory(DAYS_KEPT);
        policy.setTotalSizeCap(FileSize.valueOf(TOTAL_MB + "MB"));
        policy.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }
}
