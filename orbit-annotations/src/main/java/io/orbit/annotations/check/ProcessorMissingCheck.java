package io.orbit.annotations.check;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Turns a forgotten processor path into an error on the record instead of a bare
 * "cannot find symbol WorkerLoadOrbital".
 *
 * <p>This jar registers the check as a service, so javac finds it in exactly one situation: the
 * build gave javac no processor path, and javac searched the class path (javac 17–22 do that by
 * default; Maven does it when {@code annotationProcessorPaths} is absent). If the Orbit processor is
 * on that same path it does the work and this check stays silent; otherwise every
 * {@code @OrbitTyped} type gets a {@code [OrbitProcessorMissing]} error naming the fix. A build
 * that configures {@code annotationProcessorPaths} never runs it. It claims nothing, so the real
 * processor sees every annotation whichever runs first.
 */
public final class ProcessorMissingCheck extends AbstractProcessor
{
    /** The processor this check stands in for, looked up on the processor path javac uses. */
    static final String ORBIT_PROCESSOR = "io.orbit.processor.OrbitProcessor";

    /** The annotation whose records need generated code. */
    static final String ORBIT_TYPED = "io.orbit.annotations.OrbitTyped";

    private boolean processorPresent;

    /** Creates the check; javac calls this through the service loader. */
    public ProcessorMissingCheck()
    {
    }

    @Override
    public synchronized void init(final javax.annotation.processing.ProcessingEnvironment processingEnv)
    {
        super.init(processingEnv);
        processorPresent = isOnProcessorPath(ORBIT_PROCESSOR);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes()
    {
        return Set.of(ORBIT_TYPED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion()
    {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(final Set<? extends TypeElement> annotations, final RoundEnvironment roundEnv)
    {
        if (processorPresent || annotations.isEmpty())
        {
            return false;
        }
        for (final TypeElement annotation : annotations)
        {
            for (final Element type : roundEnv.getElementsAnnotatedWith(annotation))
            {
                final String name = type.getSimpleName().toString();
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "[OrbitProcessorMissing] @OrbitTyped "
                    + type + " has no generated " + name + "Codec or " + name + "Orbital: the Orbit annotation "
                    + "processor is not on the processor path. Add io.orbit:orbit-processor to the "
                    + "maven-compiler-plugin's <annotationProcessorPaths> (Gradle: the annotationProcessor "
                    + "configuration); see the README, section Maven.", type);
            }
        }
        return false;
    }

    private static boolean isOnProcessorPath(final String className)
    {
        try
        {
            Class.forName(className, false, ProcessorMissingCheck.class.getClassLoader());
            return true;
        }
        catch (final ClassNotFoundException | LinkageError ex)
        {
            return false;
        }
    }
}
