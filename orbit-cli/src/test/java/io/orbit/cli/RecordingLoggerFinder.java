package io.orbit.cli;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A {@link System.LoggerFinder} for this module's test JVMs (registered in META-INF/services): keeps
 * every {@code io.orbit} record in memory, prints nothing.
 */
public final class RecordingLoggerFinder extends System.LoggerFinder
{
    /** Records as {@code LEVEL message}. */
    static final List<String> RECORDS = new CopyOnWriteArrayList<>();

    @Override
    public System.Logger getLogger(final String name, final Module module)
    {
        return new Recorder(name);
    }

    private record Recorder(String name) implements System.Logger
    {
        @Override
        public String getName()
        {
            return name;
        }

        @Override
        public boolean isLoggable(final Level level)
        {
            return name.startsWith("io.orbit");
        }

        @Override
        public void log(final Level level, final Supplier<String> message)
        {
            if (isLoggable(level))
            {
                RECORDS.add(level + " " + message.get());
            }
        }

        @Override
        public void log(final Level level, final ResourceBundle bundle, final String message, final Throwable thrown)
        {
            if (isLoggable(level))
            {
                RECORDS.add(level + " " + message);
            }
        }

        @Override
        public void log(final Level level, final ResourceBundle bundle, final String format, final Object... params)
        {
            if (isLoggable(level))
            {
                RECORDS.add(level + " " + (params == null ? format : java.text.MessageFormat.format(format, params)));
            }
        }
    }
}
