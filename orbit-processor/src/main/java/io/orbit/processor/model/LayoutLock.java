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
 * its published one. Component names are not part of a layout (they are not in the bytes), so a
 * rename is free; everything else a component is made of is its <em>signature</em>.
 *
 * <p>File format (UTF-8, one block per type, sorted by type, {@code #} starts a comment):
 * <pre>
 * type com.example.Job kind 20
 *   id long
 *   state enum8{QUEUED,RUNNING}
 *   name utf8[24]
 *   at record{int,long}
 * </pre>
 */
public final class LayoutLock
{
    /** The header of every lock file the processor writes. */
    public static final String HEADER = "# Orbit layout lock: the published layout of each @OrbitTyped record.\n"
        + "# Written by the Orbit processor with -Aorbit.layouts.update=true; commit it with each release.\n";

    private final Map<String, Layout> layouts = new TreeMap<>();

    /**
     * One record's published layout.
     *
     * @param type       the record's qualified name.
     * @param kind       its ring KIND.
     * @param components its components in order.
     */
    public record Layout(String type, int kind, List<Component> components)
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
                components.add(new Component(field.name(), signature(field.layout())));
            }
            return new Layout(model.name().qualifiedName(), model.kind(), components);
        }

        /**
         * @return the components as {@code name signature, ...}, for messages.
         */
        public String describe()
        {
            return components.stream().map(Component::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /**
     * One component of a published layout.
     *
     * @param name      its name when published (informational: renames are free).
     * @param signature what its bytes are made of, e.g. {@code long}, {@code utf8[24]}, {@code enum8{A,B}}.
     */
    public record Component(String name, String signature)
    {
        @Override
        public String toString()
        {
            return signature + " " + name;
        }
    }

    /**
     * The first incompatible difference between a published layout and the current one.
     *
     * @param component index of the current component to report on, or -1 for the type itself.
     * @param change    what changed, in words, naming the component.
     */
    public record Incompatibility(int component, String change)
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
     * @param model a record's model.
     * @return the signature of one component's bytes; nested records by their components' signatures.
     */
    static String signature(final FieldLayout model)
    {
        if (model instanceof EnumLayout enumLayout)
        {
            return enumLayout.token() + "{" + String.join(",", enumLayout.constants()) + "}";
        }
        if (model instanceof RecordLayout nested)
        {
            return nested.type().fields().stream().map(field -> signature(field.layout()))
                .collect(Collectors.joining(",", "record{", "}"));
        }
        return model.token();
    }

    /**
     * Compares a current layout with the published one: the current one may only be the same or
     * rename components.
     *
     * @param published the layout in the lock.
     * @param current   the layout being compiled.
     * @return the first incompatible change, or null when there is none.
     */
    public static Incompatibility compare(final Layout published, final Layout current)
    {
        if (published.kind() != current.kind())
        {
            return new Incompatibility(-1, "its KIND changed from " + published.kind() + " to " + current.kind());
        }
        final List<Component> before = published.components();
        final List<Component> now = current.components();
        for (int i = 0; i < Math.min(before.size(), now.size()); i++)
        {
            final Component was = before.get(i);
            final Component is = now.get(i);
            if (was.signature().equals(is.signature()))
            {
                continue;
            }
            final String where = "component " + (i + 1) + " (" + is.name() + ")";
            if (before.stream().skip(i + 1).anyMatch(later -> later.name().equals(is.name())))
            {
                return new Incompatibility(i, where + " was published later in the record: components were reordered");
            }
            final String what = base(was.signature()).equals(base(is.signature())) && was.signature().contains("[")
                ? "its @Length changed" : "its type changed";
            return new Incompatibility(i, where + " was " + was + ", now " + is + ": " + what);
        }
        if (before.size() > now.size())
        {
            final Component removed = before.get(now.size());
            return new Incompatibility(-1, "component " + (now.size() + 1) + " (" + removed + ") was removed");
        }
        if (now.size() > before.size())
        {
            final Component added = now.get(before.size());
            return new Incompatibility(before.size(), "component " + (before.size() + 1) + " (" + added +
                ") was appended, and a ring of the published layout refuses a longer one");
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
     * @return the layouts it holds.
     * @throws IllegalArgumentException naming the line that is not in the lock format.
     */
    public static LayoutLock parse(final String text)
    {
        final LayoutLock lock = new LayoutLock();
        String type = null;
        int kind = 0;
        List<Component> components = new ArrayList<>();
        final String[] lines = text.split("\n", -1);
        for (int number = 1; number <= lines.length; number++)
        {
            final String line = lines[number - 1].strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] words = line.split(" +");
            if (words.length == 4 && words[0].equals("type") && words[2].equals("kind"))
            {
                if (type != null)
                {
                    lock.put(new Layout(type, kind, components));
                }
                type = words[1];
                kind = parseKind(words[3], number);
                components = new ArrayList<>();
            }
            else if (words.length == 2 && type != null)
            {
                components.add(new Component(words[0], words[1]));
            }
            else
            {
                throw new IllegalArgumentException("line " + number + " is not 'type <name> kind <n>' or '<component> <signature>': " + line);
            }
        }
        if (type != null)
        {
            lock.put(new Layout(type, kind, components));
        }
        return lock;
    }

    private static int parseKind(final String text, final int line)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("line " + line + ": KIND '" + text + "' is not a number", ex);
        }
    }

    /**
     * @return the lock file's content: {@link #HEADER}, then one block per type, sorted.
     */
    public String format()
    {
        final StringBuilder text = new StringBuilder(HEADER);
        for (final Layout layout : layouts.values())
        {
            text.append("type ").append(layout.type()).append(" kind ").append(layout.kind()).append('\n');
            for (final Component component : layout.components())
            {
                text.append("  ").append(component.name()).append(' ').append(component.signature()).append('\n');
            }
        }
        return text.toString();
    }
}
