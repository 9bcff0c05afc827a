package io.orbit.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * C ({@code repr(C)}) layout: components in declaration order, each at the next offset aligned to its
 * own alignment, the total padded to the largest alignment. Arithmetic is in {@code long} so that a
 * {@code @Length(Integer.MAX_VALUE) long[]} is measured, not wrapped, and validation can reject it.
 */
public final class LayoutCalculator
{
    private LayoutCalculator()
    {
    }

    /**
     * A component before layout.
     *
     * @param name   component name.
     * @param layout its encoding.
     */
    public record Component(String name, FieldLayout layout)
    {
    }

    /**
     * Lays out a record.
     *
     * @param name       the record's name.
     * @param kind       declared KIND.
     * @param capacity   declared capacity.
     * @param topology   declared topology.
     * @param components components in declaration order.
     * @return the laid-out model.
     */
    public static OrbitType layOut(
        final JavaName name,
        final int kind,
        final int capacity,
        final Topology topology,
        final List<Component> components)
    {
        final List<OrbitField> fields = new ArrayList<>(components.size());
        long offset = 0;
        int alignment = 1;
        for (final Component component : components)
        {
            final int fieldAlignment = component.layout().alignment();
            offset = alignUp(offset, fieldAlignment);
            fields.add(new OrbitField(component.name(), component.layout(), offset));
            offset += component.layout().size();
            alignment = Math.max(alignment, fieldAlignment);
        }
        return new OrbitType(name, kind, capacity, topology, fields, alignUp(offset, alignment), alignment);
    }

    /**
     * @param value     an offset.
     * @param alignment a power of two.
     * @return the smallest multiple of {@code alignment} that is at least {@code value}.
     */
    public static long alignUp(final long value, final int alignment)
    {
        return (value + alignment - 1) & -(long)alignment;
    }
}
