package io.orbit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for checking {@code --json} output (objects, arrays, strings, numbers as
 * Long or Double, booleans, null). Fails on trailing garbage, so "one JSON document" is checked too.
 */
final class JsonParser
{
    private final String text;
    private int at;

    private JsonParser(final String text)
    {
        this.text = text;
    }

    static Object parse(final String text)
    {
        final JsonParser parser = new JsonParser(text);
        final Object value = parser.value();
        parser.space();
        if (parser.at != text.length())
        {
            throw new IllegalArgumentException("trailing text at " + parser.at + ": " + text);
        }
        return value;
    }

    private Object value()
    {
        space();
        final char c = text.charAt(at);
        if (c == '{')
        {
            at++;
            final Map<String, Object> map = new LinkedHashMap<>();
            space();
            if (text.charAt(at) == '}')
            {
                at++;
                return map;
            }
            while (true)
            {
                space();
                final String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                if (text.charAt(at++) == '}')
                {
                    return map;
                }
            }
        }
        if (c == '[')
        {
            at++;
            final List<Object> list = new ArrayList<>();
            space();
            if (text.charAt(at) == ']')
            {
                at++;
                return list;
            }
            while (true)
            {
                list.add(value());
                space();
                if (text.charAt(at++) == ']')
                {
                    return list;
                }
            }
        }
        if (c == '"')
        {
            return string();
        }
        if (text.startsWith("true", at))
        {
            at += 4;
            return true;
        }
        if (text.startsWith("false", at))
        {
            at += 5;
            return false;
        }
        if (text.startsWith("null", at))
        {
            at += 4;
            return null;
        }
        final int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0)
        {
            at++;
        }
        final String number = text.substring(start, at);
        if (number.isEmpty())
        {
            throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
        }
        return number.contains(".") || number.contains("e") || number.contains("E") ? (Object)Double.parseDouble(number) : (Object)Long.parseLong(number);
    }

    private String string()
    {
        expect('"');
        final StringBuilder out = new StringBuilder();
        while (true)
        {
            final char c = text.charAt(at++);
            if (c == '"')
            {
                return out.toString();
            }
            if (c == '\\')
            {
                final char e = text.charAt(at++);
                switch (e)
                {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' ->
                    {
                        out.append((char)Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
            else
            {
                out.append(c);
            }
        }
    }

    private void expect(final char c)
    {
        if (text.charAt(at++) != c)
        {
            throw new IllegalArgumentException("expected '" + c + "' at " + (at - 1));
        }
    }

    private void space()
    {
        while (at < text.length() && Character.isWhitespace(text.charAt(at)))
        {
            at++;
        }
    }
}
