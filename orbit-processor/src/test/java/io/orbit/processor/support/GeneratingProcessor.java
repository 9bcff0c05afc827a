package io.orbit.processor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Writes one source file in the first round, as another code generator in the build would.
 */
public final class GeneratingProcessor extends AbstractProcessor
{
    private final String className;
    private final String[] lines;
    private boolean done;

    /**
     * @param className qualified name of the file to write.
     * @param lines     its source.
     */
    public GeneratingProcessor(final String className, final String... lines)
    {
        this.className = className;
        this.lines = lines.clone();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes()
    {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion()
    {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(final Set<? extends TypeElement> annotations, final RoundEnvironment round)
    {
        if (!done)
        {
            done = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile(className).openWriter())
            {
                writer.write(String.join("\n", lines));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return false;
    }
}
