package io.orbit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.orbit.processor.support.Compilations.javac;
import static io.orbit.processor.support.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.orbit.processor.support.Compilations;
import io.orbit.processor.support.GeneratingProcessor;
import io.orbit.processor.support.TestRecords;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor never crashes javac, and it is registered the way build tools find it.
 */
class ProcessorRobustnessTest
{
    @Test
    void anUnexpectedExceptionBecomesAnErrorOnTheTypeWithItsStackTrace()
    {
        // Every Types call throws, as a bug deep inside model building would.
        final JavaFileObject boom = source("com.example.Boom",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "public record Boom(String text) {}");
        final JavaFileObject fine = source("com.example.Fine",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 13)",
            "public record Fine(int value) {}");
        final Compilation compilation = javac().withProcessors(new FailingTypes(new OrbitProcessor())).compile(boom, fine);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
            .hadErrorContaining("[OrbitInternalError] the Orbit processor failed unexpectedly on com.example.Boom: "
                + "java.lang.IllegalStateException: injected failure in Types.asElement")
            .inFile(boom).onLineContaining("public record Boom");
        final String message = compilation.errors().get(0).getMessage(Locale.ROOT);
        assertTrue(message.contains("\tat io.orbit.processor.element.ComponentClassifier"), message);
        // One error only: Fine (primitives only, no Types call) went through untouched.
    }

    @Test
    void aTypeThatNeverResolvesIsReportedInTheLastRound()
    {
        final JavaFileObject file = source("com.example.Waiting",
            "package com.example;",
            "import io.orbit.annotations.OrbitTyped;",
            "@OrbitTyped(kind = 12)",
            "public record Waiting(int a, Missing b) {}");
        final Compilation compilation = javac().compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file).onLineContaining("Missing b");
        assertThat(compilation).hadErrorContaining("[OrbitUnsupportedType] com.example.Waiting refers to a type or constant that could not be resolved")
            .inFile(file).onLineContaining("public record Waiting");
    }

    @Test
    void aGeneratedNameTakenByAnotherProcessorIsReportedOnTheRecord()
    {
        final JavaFileObject record = TestRecords.workerLoad();
        final Compilation compilation = javac()
            .withProcessors(new GeneratingProcessor("com.example.WorkerLoadCodec", "package com.example;", "final class WorkerLoadCodec {}"),
                new OrbitProcessor())
            .compile(record);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[OrbitWriteFailed] could not write the generated files of com.example.WorkerLoad")
            .inFile(record).onLineContaining("record WorkerLoad");
    }

    @Test
    void theProcessorClaimsOnlyOrbitAnnotationsSoStrictLintHasNothingToSay()
    {
        // Under -Xlint:all an annotation no processor claims is a warning, an error with -Werror.
        final JavaFileObject marker = source("com.example.Marker",
            "package com.example;",
            "public @interface Marker {}");
        final JavaFileObject record = source("com.example.Marked",
            "package com.example;",
            "import io.orbit.annotations.Length;",
            "import io.orbit.annotations.OrbitTyped;",
            "@Marker",
            "@OrbitTyped(kind = 12)",
            "public record Marked(int a, @Length(8) String name) {}");
        final Spy spy = new Spy();
        final Compilation compilation = javac().withProcessors(new OrbitProcessor(), spy)
            .withOptions(Compilations.LINT, "-Werror").compile(marker, record);
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(spy.offered.contains("com.example.Marker"), "another processor still receives its own annotations");
        assertFalse(spy.offered.contains("io.orbit.annotations.OrbitTyped"), "claimed: " + spy.offered);
        assertFalse(spy.offered.contains("io.orbit.annotations.Generated"), "claimed: " + spy.offered);
    }

    @Test
    void theProcessorDeclaresItsAnnotationsAndTheLatestSourceVersion()
    {
        final OrbitProcessor processor = new OrbitProcessor();
        assertEquals(Set.of("io.orbit.annotations.OrbitTyped", "io.orbit.annotations.ContestType", "io.orbit.annotations.Length",
                "io.orbit.annotations.Since", "io.orbit.annotations.KindClaim", "io.orbit.annotations.Generated"),
            processor.getSupportedAnnotationTypes());
        assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
    }

    @Test
    void theProcessorIsRegisteredForServiceLoadingAndGradleIncrementalBuilds() throws IOException
    {
        // These resources are what the jar ships (AutoService writes the first at compile time).
        assertEquals("io.orbit.processor.OrbitProcessor",
            resource("META-INF/services/javax.annotation.processing.Processor").trim());
        assertEquals("io.orbit.processor.OrbitProcessor,aggregating",
            resource("META-INF/gradle/incremental.annotation.processors").trim());
    }

    private static String resource(final String name) throws IOException
    {
        try (InputStream in = OrbitProcessor.class.getClassLoader().getResourceAsStream(name))
        {
            if (in == null)
            {
                throw new AssertionError("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Hands the delegate a processing environment whose {@link Types} throws on every call.
     */
    private static final class FailingTypes extends AbstractProcessor
    {
        private final Processor delegate;

        FailingTypes(final Processor delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public synchronized void init(final ProcessingEnvironment env)
        {
            super.init(env);
            final Types failing = (Types)Proxy.newProxyInstance(Types.class.getClassLoader(), new Class<?>[] {Types.class},
                (proxy, method, args) ->
                {
                    throw new IllegalStateException("injected failure in Types." + method.getName());
                });
            final InvocationHandler handler = (proxy, method, args) ->
                "getTypeUtils".equals(method.getName()) ? failing : method.invoke(env, args);
            delegate.init((ProcessingEnvironment)Proxy.newProxyInstance(
                ProcessingEnvironment.class.getClassLoader(), new Class<?>[] {ProcessingEnvironment.class}, handler));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes()
        {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion()
        {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(final Set<? extends TypeElement> annotations, final RoundEnvironment round)
        {
            return delegate.process(annotations, round);
        }
    }

    /**
     * Supports and claims every annotation and records those javac offered it (those no earlier
     * processor claimed).
     */
    private static final class Spy extends AbstractProcessor
    {
        private final Set<String> offered = new java.util.TreeSet<>();

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
            annotations.forEach(annotation -> offered.add(annotation.getQualifiedName().toString()));
            return true; // claims what it was offered, as the Orbit processor claims its own
        }
    }
}
