package io.orbit.processor.writer;

import com.palantir.javapoet.CodeBlock;
import io.orbit.processor.model.OrbitField;
import io.orbit.processor.model.OrbitType;

/**
 * The offset table in a codec's javadoc, padding included, so the layout can be read in the IDE.
 */
final class LayoutTable
{
    private LayoutTable()
    {
    }

    static CodeBlock of(final OrbitType type)
    {
        final CodeBlock.Builder table = CodeBlock.builder()
            .add("<table>\n")
            .add("  <caption>Layout of $L, $L bytes</caption>\n", type.name().simpleName(), type.encodedLength())
            .add("  <tr><th>Field</th><th>Type</th><th>Offset</th><th>Size</th></tr>\n");
        long end = 0;
        for (final OrbitField field : type.fields())
        {
            padding(table, end, field.offset());
            table.add("  <tr><td>$L</td><td>$L</td><td>$L</td><td>$L</td></tr>\n",
                field.name(), field.layout().description(), field.offset(), field.size());
            end = field.end();
        }
        padding(table, end, type.encodedLength());
        return table.add("</table>\n").build();
    }

    private static void padding(final CodeBlock.Builder table, final long from, final long to)
    {
        if (to > from)
        {
            table.add("  <tr><td><i>padding</i></td><td>zero</td><td>$L</td><td>$L</td></tr>\n", from, to - from);
        }
    }
}
