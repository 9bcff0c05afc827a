package io.orbit.processor.diagnostic;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;

/**
 * The one funnel every diagnostic of the processor goes through: each is an error, carries its tag,
 * and is attached to an element (and, where it helps, an annotation and its value) so that IDEs and
 * build tools show it on the right line.
 */
public final class ErrorReporter
{
    private final Messager messager;
    private final boolean recordsWithoutPosition;
    private int errorCount;

    /**
     * @param messager               the compiler's messager.
     * @param recordsWithoutPosition true under the Eclipse compiler, whose messager gives a diagnostic
     *                               on a record type (and on its annotations) no file or line: those
     *                               go on the record's canonical constructor, which it places on the
     *                               record's declaration line.
     */
    public ErrorReporter(final Messager messager, final boolean recordsWithoutPosition)
    {
        this.messager = messager;
        this.recordsWithoutPosition = recordsWithoutPosition;
    }

    /**
     * @param environment the processing environment.
     * @return a reporter for its messager, anchoring record diagnostics where its compiler can place them.
     */
    public static ErrorReporter of(final ProcessingEnvironment environment)
    {
        // ECJ (batch and the Eclipse IDE's APT) positions CLASS, FIELD and CONSTRUCTOR elements but
        // not RECORD ones (checked with ecj 3.38); javac positions all of them.
        final boolean eclipse = environment.getClass().getName().startsWith("org.eclipse.jdt.");
        return new ErrorReporter(environment.getMessager(), eclipse);
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
        final Element anchor = anchor(problem.element());
        if (anchor != problem.element())
        {
            messager.printMessage(Diagnostic.Kind.ERROR, text, anchor);
        }
        else if (problem.annotation() == null)
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
            messager.printMessage(Diagnostic.Kind.ERROR, text, anchor(element));
        }
    }

    /**
     * @return the element itself, or for a record under a compiler that cannot place records, its
     * canonical constructor (any constructor if that is not found).
     */
    private Element anchor(final Element element)
    {
        if (!recordsWithoutPosition || element == null || element.getKind() != ElementKind.RECORD)
        {
            return element;
        }
        final List<? extends RecordComponentElement> components = ((TypeElement)element).getRecordComponents();
        Element fallback = element;
        for (final Element member : element.getEnclosedElements())
        {
            if (member.getKind() == ElementKind.CONSTRUCTOR)
            {
                final List<? extends VariableElement> parameters = ((ExecutableElement)member).getParameters();
                if (isCanonical(parameters, components))
                {
                    return member;
                }
                fallback = fallback == element ? member : fallback;
            }
        }
        return fallback;
    }

    private static boolean isCanonical(final List<? extends VariableElement> parameters, final List<? extends RecordComponentElement> components)
    {
        if (parameters.size() != components.size())
        {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++)
        {
            if (!parameters.get(i).asType().toString().equals(components.get(i).asType().toString()))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return errors reported so far.
     */
    public int errorCount()
    {
        return errorCount;
    }
}
