package io.orbit.processor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The published layouts of a build's {@code @OrbitTyped} records, as kept in the layout lock file
 * ({@code src/main/orbit/layouts.lock} by convention), and the comparison of a record's layout with
 * its published one.
 *
 * <p>Compatible changes: renaming components (names are not in the bytes; the lock keeps them for
 * messages only), and appending components whose {@code @Since} is higher than the published layout
 * version. Everything else is incompatible: reordering, removing, or changing the type, the
 * {@code @Length}, the enum constants or the {@code @Since} of a published component, appending
 * without a higher {@code @Since}, and changing the KIND or the payload capacity.
 *
 * <p>File format 2 (UTF-8, {@code #} starts a comment, one block per type sorted by type; each
 * component line is {@code name signature:offset:size@since}):
 * <pre>
 * format 2
 * type com.example.Job kind 20 version 2 payloadCapacity 96
 *   id long:0:8@1
 *   state enum8{QUEUED,RUNNING}:8:1@1
 *   name utf8[24]:9:24@2
 * </pre>
 * A file without the {@code format 2} line is in the format of Orbit 0.1.0 ({@code type X kind N}
 * and {@code name signature} lines): it is recognised as {@link #legacy()}, and its layouts are not
 * read, because 0.1.0 rings cannot be shared with 0.2.0 anyway (fingerprint and payload capacity
 * changed).
 */
public final class LayoutLock
{
    /** The header of every lock file the processor writes. */
    public static final String HEADER = "# Orbit layout lock: the published layout of each @OrbitTyped record.\n"
        + "# Written by the Orbit processor with -Aorbit.layouts.update=true; commit it with each release.\n"
        + "# Component lines: name signature:offset:size@since (names are for messages only).\n";
    /** The format line of the current format. */
    public static final String FORMAT_LINE = "format 2";

    private final Map<String, Layout> layouts = new TreeMap<>();
    private boolean legacy;

    /**
     * One record's published layout.
     *
     * @param type            the record's qualified name.
     * @param kind            its ring KIND.
     * @param payloadCapacity its ring's payload bytes per slot.
     * @param components      its components in order, every version.
     */
    public record Layout(String type, int kind, long payloadCapacity, List<Component> components)
    {
        /**
         * Copies the component list.
         */
        public Layout
        {
            components = List.copyOf(components);
        }

        /**
         * @param model a record's model.
         * @return its layout as the lock keeps it.
         */
        public static Layout of(final OrbitType model)
        {
            final List<Component> components = new ArrayList<>();
            for (final OrbitField field : model.fields())
            {
                components.add(new Component(field.name(), field.layout().signature(), field.offset(), field.size(), field.since()));
            }
            return new Layout(model.name().qualifiedName(), model.kind(), model.payloadCapacity(), components);
        }

        /**
         * @return the layout version: the highest {@code since}, 1 if none.
         */
        public int version()
        {
            return components.stream().mapToInt(Component::since).max().orElse(1);
        }

        /**
         * @return e.g. {@code version 2 (long id, utf8[16] name @Since(2)), payloadCapacity 32}, for messages.
         */
        public String describe()
        {
            return "version " + version() + " "
                + components.stream().map(Component::toString).collect(Collectors.joining(", ", "(", ")"))
                + ", payloadCapacity " + payloadCapacity;
        }
    }

    /**
     * One component of a published layout.
     *
     * @param name      its name when published (informational: renames are free).
     * @param signature what its bytes are made of, e.g. {@code long}, {@code utf8[24]}, {@code enum8{A,B}}.
     * @param offset    its offset.
     * @param size      its size in bytes.
     * @param since     the layout version that added it.
     */
    public record Component(String name, String signature, long offset, long size, int since)
    {
        /**
         * @return {@code signature:offset:size}, what must stay the same.
         */
        public String bytes()
        {
            return signature + ":" + offset + ":" + size;
        }

        @Override
        public String toString()
        {
            return signature + " " + name + (since > 1 ? " @Since(" + since + ")" : "");
        }
    }

    /**
     * Where an incompatibility is reported.
     */
    public enum Target
    {
        /** On the component at {@link Incompatibility#component()}. */
        COMPONENT,
        /** On the {@code kind = ...} value. */
        KIND,
        /** On the {@code payloadCapacity = ...} value (the annotation when it is defaulted). */
        PAYLOAD_CAPACITY,
        /** On the record (a removed component). */
        TYPE
    }

    /**
     * The first incompatible difference between a published layout and the current one.
     *
     * @param target    where to report it.
     * @param component index of the current component to report on, or -1 when the target is not a component.
     * @param change    what changed, in words, naming the component.
     */
    public record Incompatibility(Target target, int component, String change)
    {
    }

    /**
     * @param layout a layout to add or replace.
     */
    public void put(final Layout layout)
    {
        layouts.put(layout.type(), layout);
    }

    /**
     * @param type a record's qualified name.
     * @return its published layout, or null when it was never published.
     */
    public Layout get(final String type)
    {
        return layouts.get(type);
    }

    /**
     * @return every published layout, sorted by type.
     */
    public Collection<Layout> layouts()
    {
        return layouts.values();
    }

    /**
     * @return true when the parsed text was in the Orbit 0.1.0 format (no {@code format 2} line);
     * such a lock holds no layouts.
     */
    public boolean legacy()
    {
        return legacy;
    }

    /**
     * Compares a current layout with the published one.
     *
     * @param published the layout in the lock.
     * @param current   the layout being compiled.
     * @return the first incompatible change, or null when there is none.
     */
    public static Incompatibility compare(final Layout published, final Layout current)
    {
        if (published.kind() != current.kind())
        {
            return new Incompatibility(Target.KIND, -1, "its KIND changed from " + published.kind() + " to " + current.kind());
        }
        final List<Component> before = published.components();
        final List<Component> now = current.components();
        for (int i = 0; i < Math.min(before.size(), now.size()); i++)
        {
            final Incompatibility change = compareComponent(before, i, now.get(i));
            if (change != null)
            {
                return change;
            }
        }
        if (before.size() > now.size())
        {
            final Component removed = before.get(now.size());
            return new Incompatibility(Target.TYPE, -1, "component " + (now.size() + 1) + " (" + removed + ") was removed");
        }
        for (int i = before.size(); i < now.size(); i++)
        {
            final Component added = now.get(i);
            if (added.since() <= published.version())
            {
                return new Incompatibility(Target.COMPONENT, i, "component " + (i + 1) + " (" + added + ") was appended without a @Since"
                    + " higher than the published version " + published.version() + ", so a process of that version could not tell"
                    + " its frames from this one's");
            }
        }
        if (published.payloadCapacity() != current.payloadCapacity())
        {
            return new Incompatibility(Target.PAYLOAD_CAPACITY, -1, "its payloadCapacity changed from "
                + published.payloadCapacity() + " to " + current.payloadCapacity() + " bytes, which fixes the ring's slot size");
        }
        return null;
    }

    private static Incompatibility compareComponent(final List<Component> before, final int i, final Component is)
    {
        final Component was = before.get(i);
        final String where = "component " + (i + 1) + " (" + is.name() + ")";
        if (!was.bytes().equals(is.bytes()))
        {
            if (before.stream().skip(i + 1).anyMatch(later -> later.name().equals(is.name())))
            {
                return new Incompatibility(Target.COMPONENT, i, where + " was published later in the record: components were reordered");
            }
            final String what = base(was.signature()).equals(base(is.signature())) && was.signature().contains("[")
                ? "its @Length changed" : "its type changed";
            return new Incompatibility(Target.COMPONENT, i, where + " was " + was + ", now " + is + ": " + what);
        }
        if (was.since() != is.since())
        {
            return new Incompatibility(Target.COMPONENT, i, where + " was published with @Since(" + was.since() + "), now @Since("
                + is.since() + "): a published component keeps its version");
        }
        return null;
    }

    private static String base(final String signature)
    {
        final int bracket = signature.indexOf('[');
        return bracket < 0 ? signature : signature.substring(0, bracket);
    }

    /**
     * @param text a lock file's content.
     * @return the layouts it holds; {@link #legacy()} and empty for a 0.1.0 lock.
     * @throws IllegalArgumentException naming the line that is not in the lock format.
     */
    public static LayoutLock parse(final String text)
    {
        final LayoutLock lock = new LayoutLock();
        final String[] lines = text.split("\n", -1);
        boolean formatSeen = false;
        Layout block = null;
        final List<Component> components = new ArrayList<>();
        for (int number = 1; number <= lines.length; number++)
        {
            final String line = lines[number - 1].strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            if (!formatSeen)
            {
                if (!line.equals(FORMAT_LINE))
                {
                    // Orbit 0.1.0 wrote no format line: its first content line is a type block.
                    lock.legacy = true;
                    return lock;
                }
                formatSeen = true;
                continue;
            }
            final String[] words = line.split(" +");
            if (words.length == 8 && words[0].equals("type") && words[2].equals("kind") && words[4].equals("version")
                && words[6].equals("payloadCapacity"))
            {
                lock.putBlock(block, components);
                block = new Layout(words[1], (int)number(words[3], "KIND", number), number(words[7], "payloadCapacity", number), List.of());
                components.clear();
            }
            else if (words.length == 2 && block != null)
            {
                components.add(component(words[0], words[1], number));
            }
            else
            {
                throw new IllegalArgumentException("line " + number
                    + " is not 'type <name> kind <n> version <v> payloadCapacity <bytes>' or '<component> <signature>:<offset>:<size>@<since>': " + line);
            }
        }
        lock.putBlock(block, components);
        return lock;
    }

    private void putBlock(final Layout block, final List<Component> components)
    {
        if (block != null)
        {
            put(new Layout(block.type(), block.kind(), block.payloadCapacity(), components));
        }
    }

    private static Component component(final String name, final String descriptor, final int line)
    {
        final int at = descriptor.lastIndexOf('@');
        final String[] parts = descriptor.substring(0, Math.max(at, 0)).split(":");
        if (at < 0 || parts.length != 3)
        {
            throw new IllegalArgumentException("line " + line + ": '" + descriptor + "' is not <signature>:<offset>:<size>@<since>");
        }
        return new Component(name, parts[0], number(parts[1], "offset", line), number(parts[2], "size", line),
            (int)number(descriptor.substring(at + 1), "since", line));
    }

    private static long number(final String text, final String what, final int line)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("line " + line + ": " + what + " '" + text + "' is not a number", ex);
        }
    }

    /**
     * @return the lock file's content: {@link #HEADER}, {@link #FORMAT_LINE}, then one block per type, sorted.
     */
    public String format()
    {
        final StringBuilder text = new StringBuilder(HEADER).append(FORMAT_LINE).append('\n');
        for (final Layout layout : layouts.values())
        {
            text.append("type ").append(layout.type()).append(" kind ").append(layout.kind())
                .append(" version ").append(layout.version()).append(" payloadCapacity ").append(layout.payloadCapacity()).append('\n');
            for (final Component component : layout.components())
            {
                text.append("  ").append(component.name()).append(' ').append(component.bytes())
                    .append('@').append(component.since()).append('\n');
            }
        }
        return text.toString();
    }
}
