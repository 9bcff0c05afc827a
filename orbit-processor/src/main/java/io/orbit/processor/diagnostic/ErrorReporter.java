package io.orbit.processor.diagnostic;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one funnel every diagnostic of the processor goes through: each is an error, carries its tag,
 * and is attached to an element (and, where it helps, an annotation and its value) so that IDEs and
 * build tools show it on the right line.
 */
public final class ErrorReporter
{
    private final Messager messager;
    private int errorCount;

    /**
     * @param messager javac's messager.
     */
    public ErrorReporter(final Messager messager)
    {
        this.messager = messager;
    }

    /**
     * Reports a problem as a compile error.
     *
     * @param problem the problem.
     */
    public void report(final Problem problem)
    {
        errorCount++;
        final String text = problem.text();
        if (problem.annotation() == null)
        {
            messager.printMessage(Diagnostic.Kind.ERROR, text, problem.element());
        }
        else if (problem.value() == null)
        {
            messager.printMessage(Diagnostic.Kind.ERROR, text, problem.element(), problem.annotation());
        }
        else
        {
            messager.printMessage(Diagnostic.Kind.ERROR, text, problem.element(), problem.annotation(), problem.value());
        }
    }

    /**
     * Reports an unexpected exception as an error on the type being processed, with its stack trace,
     * instead of letting it crash javac.
     *
     * @param element  the type being processed, or null when none is known.
     * @param typeName its name for the message.
     * @param failure  the exception.
     */
    public void internalError(final Element element, final String typeName, final Throwable failure)
    {
        errorCount++;
        final StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        final String text = Message.INTERNAL_ERROR.format(typeName, failure) + "\n" + trace;
        if (element == null)
        {
            messager.printMessage(Diagnostic.Kind.ERROR, text);
        }
        else
        {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element);
        }
    }

    /**
     * @return errors reported so far.
     */
    public int errorCount()
    {
        return errorCount;
    }
}
