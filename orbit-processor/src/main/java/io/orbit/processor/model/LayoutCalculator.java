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
     * @param since  the layout version that added it, 1 without {@code @Since}.
     */
    public record Component(String name, FieldLayout layout, int since)
    {
        /**
         * A version-1 component.
         *
         * @param name   component name.
         * @param layout its encoding.
         */
        public Component(final String name, final FieldLayout layout)
        {
            this(name, layout, 1);
        }
    }

    /**
     * Lays out a record with the default payload capacity.
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
        return layOut(name, kind, capacity, topology, OrbitType.DEFAULT_PAYLOAD_CAPACITY, components);
    }

    /**
     * Lays out a record.
     *
     * @param name            the record's name.
     * @param kind            declared KIND.
     * @param capacity        declared capacity.
     * @param topology        declared topology.
     * @param payloadCapacity declared payload capacity, {@link OrbitType#DEFAULT_PAYLOAD_CAPACITY} for the default.
     * @param components      components in declaration order.
     * @return the laid-out model.
     */
    public static OrbitType layOut(
        final JavaName name,
        final int kind,
        final int capacity,
        final Topology topology,
        final int payloadCapacity,
        final List<Component> components)
    {
        final List<OrbitField> fields = new ArrayList<>(components.size());
        long offset = 0;
        int alignment = 1;
        for (final Component component : components)
        {
            final int fieldAlignment = component.layout().alignment();
            offset = alignUp(offset, fieldAlignment);
            fields.add(new OrbitField(component.name(), component.layout(), offset, component.since()));
            offset += component.layout().size();
            alignment = Math.max(alignment, fieldAlignment);
        }
        return new OrbitType(name, kind, capacity, topology, fields, alignUp(offset, alignment), alignment, payloadCapacity);
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
