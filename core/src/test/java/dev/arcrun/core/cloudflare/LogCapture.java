package dev.arcrun.core.cloudflare;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures everything logged under "dev.arcrun" (System.Logger goes to java.util.logging) at every level. */
final class LogCapture extends Handler implements AutoCloseable {
    private static final Logger ROOT = Logger.getLogger("dev.arcrun");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Level previous = ROOT.getLevel();

    static LogCapture start() {
        LogCapture c = new LogCapture();
        ROOT.setLevel(Level.ALL);
        c.setLevel(Level.ALL);
        ROOT.addHandler(c);
        return c;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder sb = new StringBuilder(formatter.format(record));
        if (record.getThrown() != null) {
            StringWriter sw = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(sw));
            sb.append(sw);
        }
        lines.add(sb.toString());
    }

    String text() {
        return String.join("", lines);
    }

    int size() {
        return lines.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
        ROOT.setLevel(previous);
    }
}
