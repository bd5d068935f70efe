package io.trunkline.localstack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Every log line of this JVM, at every level, formatted with its arguments and stack
 * traces, for tests that search them.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	static CapturedLogs attach() {
		CapturedLogs logs = new CapturedLogs();
		logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		logs.setName("captured");
		logs.start();
		logs.reattach();
		return logs;
	}

	/**
	 * Attaches again where a service that started since reset the logging system (the
	 * first Spring Boot application of the JVM does, and one started after another
	 * stopped), keeping the lines captured so far.
	 */
	void reattach() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		// A reset stops and detaches every appender.
		if (!isStarted()) {
			start();
		}
		if (root.getAppender(getName()) == null) {
			root.addAppender(this);
		}
		// Our own code at its most verbose; libraries at the level a production
		// deployment runs them.
		context.getLogger("io.trunkline").setLevel(ch.qos.logback.classic.Level.DEBUG);
	}

	@Override
	protected void append(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(event.getFormattedMessage());
		for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
			line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
		}
		this.lines.add(line.toString());
	}

	List<String> lines() {
		return List.copyOf(this.lines);
	}

}
