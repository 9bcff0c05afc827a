package io.orbit.processor.writer;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Writes generated files through the {@link Filer}, into the originating type's module.
 */
public final class SourceFiles
{
    private SourceFiles()
    {
    }

    /**
     * Writes a file. In a named module the name carries a {@code module/} prefix: with
     * {@code --module-source-path} (several modules in one compilation) javac cannot infer the module
     * of a package that exists nowhere yet, such as a new claim package.
     *
     * @param filer       javac's filer.
     * @param file        the file.
     * @param moduleName  the module of the originating type, empty for the unnamed module.
     * @param originating the type the file is generated from.
     * @throws IOException when the filer refuses the file.
     */
    public static void write(final Filer filer, final JavaFile file, final String moduleName, final Element originating)
        throws IOException
    {
        final String typeName = file.packageName().isEmpty()
            ? file.typeSpec().name()
            : file.packageName() + "." + file.typeSpec().name();
        final String fileName = moduleName.isEmpty() ? typeName : moduleName + "/" + typeName;
        final JavaFileObject source = filer.createSourceFile(fileName, originating);
        try (Writer writer = source.openWriter())
        {
            file.writeTo(writer);
        }
    }
}
