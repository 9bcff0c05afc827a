package io.orbit.processor;

import io.orbit.processor.diagnostic.ErrorReporter;
import io.orbit.processor.diagnostic.Message;
import io.orbit.processor.diagnostic.Problem;
import io.orbit.processor.element.KindAnnotation;
import io.orbit.processor.element.RecordElements;
import io.orbit.processor.model.LayoutLock;
import io.orbit.processor.model.OrbitType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * The layout lock file named by {@code -Aorbit.layouts=PATH}: without the option nothing is checked;
 * with it each record is compared with its published layout; with {@code -Aorbit.layouts.update=true}
 * too, nothing is refused and the file is rewritten with the layouts of this compilation (others kept),
 * which records a new layout version after compatible appends. A lock in the Orbit 0.1.0 format is
 * refused when checking and replaced when updating (see {@link LayoutLock}).
 */
final class LayoutLockFile
{
    /** The processor option naming the lock file. */
    static final String PATH_OPTION = "orbit.layouts";
    /** The processor option that rewrites the lock instead of checking against it. */
    static final String UPDATE_OPTION = "orbit.layouts.update";

    private final Path path;
    private final boolean update;
    private final LayoutLock lock;
    private final ErrorReporter reporter;

    private LayoutLockFile(final Path path, final boolean update, final LayoutLock lock, final ErrorReporter reporter)
    {
        this.path = path;
        this.update = update;
        this.lock = lock;
        this.reporter = reporter;
    }

    /**
     * @param options  the processor options.
     * @param reporter where an unreadable lock is reported.
     * @return the lock of this compilation; checks nothing when the option is absent or the file unreadable.
     */
    static LayoutLockFile open(final Map<String, String> options, final ErrorReporter reporter)
    {
        final String option = options.get(PATH_OPTION);
        if (option == null || option.isBlank())
        {
            return new LayoutLockFile(null, false, new LayoutLock(), reporter);
        }
        final Path path = Path.of(option);
        final boolean update = Boolean.parseBoolean(options.get(UPDATE_OPTION));
        try
        {
            // A missing file is a first release: nothing is published yet.
            final LayoutLock lock = Files.exists(path)
                ? LayoutLock.parse(Files.readString(path, StandardCharsets.UTF_8)) : new LayoutLock();
            if (lock.legacy() && !update)
            {
                reporter.report(Problem.on(Message.LAYOUT_LOCK_LEGACY, null, path));
                return new LayoutLockFile(null, false, new LayoutLock(), reporter);
            }
            // In update mode a 0.1.0 lock is replaced: its layouts describe rings no 0.2.0 process can share.
            return new LayoutLockFile(path, update, lock.legacy() ? new LayoutLock() : lock, reporter);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            reporter.report(Problem.on(Message.LAYOUT_LOCK_UNREADABLE, null, path, ex.getMessage()));
            return new LayoutLockFile(null, false, new LayoutLock(), reporter);
        }
    }

    /**
     * @param type  the record.
     * @param ring  its {@code @OrbitTyped} values, for a KIND change.
     * @param model its valid model.
     * @return the incompatibility with its published layout, on the component or value that changed.
     */
    List<Problem> check(final TypeElement type, final KindAnnotation ring, final OrbitType model)
    {
        if (path == null || model == null)
        {
            return List.of();
        }
        final LayoutLock.Layout current = LayoutLock.Layout.of(model);
        if (update)
        {
            lock.put(current);
            return List.of();
        }
        final LayoutLock.Layout published = lock.get(current.type());
        final LayoutLock.Incompatibility change = published == null ? null : LayoutLock.compare(published, current);
        if (change == null)
        {
            return List.of();
        }
        final Object[] args = {current.type(), change.change(), published.describe(), current.describe(), path};
        return List.of(switch (change.target())
        {
            case COMPONENT -> Problem.on(Message.INCOMPATIBLE_LAYOUT,
                RecordElements.backingField(type, type.getRecordComponents().get(change.component())), args);
            case KIND -> Problem.onValue(Message.INCOMPATIBLE_LAYOUT, type, ring.mirror(), ring.kindValue(), args);
            case PAYLOAD_CAPACITY -> Problem.onValue(Message.INCOMPATIBLE_LAYOUT, type, ring.mirror(), ring.payloadCapacityValue(), args);
            case TYPE -> Problem.on(Message.INCOMPATIBLE_LAYOUT, type, args);
        });
    }

    /**
     * Rewrites the lock file in update mode, at the end of processing.
     */
    void writeIfUpdating()
    {
        if (path == null || !update)
        {
            return;
        }
        try
        {
            if (path.getParent() != null)
            {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, lock.format(), StandardCharsets.UTF_8);
        }
        catch (final IOException | UncheckedIOException ex)
        {
            reporter.report(Problem.on(Message.LAYOUT_LOCK_UNREADABLE, null, path, ex.getMessage()));
        }
    }
}
