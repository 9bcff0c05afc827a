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
        // A version column only for records that have more than one version.
        final boolean versioned = type.layoutVersion() > 1;
        final CodeBlock.Builder table = CodeBlock.builder()
            .add("<table>\n")
            .add("  <caption>Layout of $L, $L bytes</caption>\n", type.name().simpleName(), type.encodedLength())
            .add("  <tr><th>Field</th><th>Type</th><th>Offset</th><th>Size</th>$L</tr>\n", versioned ? "<th>Since</th>" : "");
        long end = 0;
        for (final OrbitField field : type.fields())
        {
            padding(table, end, field.offset(), versioned);
            table.add("  <tr><td>$L</td><td>$L</td><td>$L</td><td>$L</td>$L</tr>\n",
                field.name(), field.layout().description(), field.offset(), field.size(),
                versioned ? "<td>" + field.since() + "</td>" : "");
            end = field.end();
        }
        padding(table, end, type.encodedLength(), versioned);
        return table.add("</table>\n").build();
    }

    private static void padding(final CodeBlock.Builder table, final long from, final long to, final boolean versioned)
    {
        if (to > from)
        {
            table.add("  <tr><td><i>padding</i></td><td>zero</td><td>$L</td><td>$L</td>$L</tr>\n", from, to - from,
                versioned ? "<td></td>" : "");
        }
    }
}
