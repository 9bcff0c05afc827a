package io.orbit.processor.support;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/**
 * Loads the class files of a compilation (records and generated codecs) over the test class path,
 * which provides the runtime and Agrona, and calls into them reflectively.
 */
public final class GeneratedClasses extends ClassLoader
{
    private final Map<String, byte[]> classes;

    /**
     * @param compilation a successful compilation.
     */
    public GeneratedClasses(final Compilation compilation)
    {
        super(GeneratedClasses.class.getClassLoader());
        this.classes = Compilations.classFiles(compilation);
    }

    @Override
    protected Class<?> findClass(final String name) throws ClassNotFoundException
    {
        final byte[] bytes = classes.get(name);
        if (bytes == null)
        {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /**
     * @param name binary name.
     * @return the loaded class.
     */
    public Class<?> type(final String name)
    {
        try
        {
            return loadClass(name);
        }
        catch (final ClassNotFoundException ex)
        {
            throw new AssertionError(ex);
        }
    }

    /**
     * @param className binary name.
     * @param constant  a static field.
     * @return its value.
     */
    public Object constant(final String className, final String constant)
    {
        try
        {
            final Field field = type(className).getField(constant);
            return field.get(null);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new AssertionError(ex);
        }
    }

    /**
     * @param className binary name.
     * @param constant  a static int field.
     * @return its value.
     */
    public int intConstant(final String className, final String constant)
    {
        return (Integer)constant(className, constant);
    }

    /**
     * Calls a public static method; an exception it throws is rethrown unwrapped.
     *
     * @param className binary name.
     * @param method    method name.
     * @param args      arguments (a null argument is not allowed: the overload is matched by argument classes).
     * @return the result.
     */
    public Object call(final String className, final String method, final Object... args)
    {
        return invoke(type(className), null, method, args);
    }

    /**
     * Calls a public instance method; an exception it throws is rethrown unwrapped.
     *
     * @param target the object.
     * @param method method name.
     * @param args   arguments.
     * @return the result.
     */
    public static Object callOn(final Object target, final String method, final Object... args)
    {
        return invoke(target.getClass(), target, method, args);
    }

    /**
     * @param className record binary name.
     * @param args      component values in order.
     * @return a new record.
     */
    public Object newRecord(final String className, final Object... args)
    {
        final Class<?> type = type(className);
        try
        {
            final Class<?>[] parameterTypes = Arrays.stream(type.getRecordComponents())
                .map(component -> component.getType()).toArray(Class<?>[]::new);
            final var constructor = type.getDeclaredConstructor(parameterTypes);
            // Test records may be package-private, as WorkerLoad of the golden files is.
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static Object invoke(final Class<?> type, final Object target, final String name, final Object... args)
    {
        for (final Method method : type.getMethods())
        {
            if (method.getName().equals(name) && method.getParameterCount() == args.length && accepts(method, args))
            {
                try
                {
                    method.setAccessible(true);
                    return method.invoke(target, args);
                }
                catch (final InvocationTargetException ex)
                {
                    if (ex.getCause() instanceof RuntimeException runtime)
                    {
                        throw runtime;
                    }
                    throw new AssertionError(ex.getCause());
                }
                catch (final IllegalAccessException ex)
                {
                    throw new AssertionError(ex);
                }
            }
        }
        throw new AssertionError("no method " + name + Arrays.toString(args) + " on " + type);
    }

    private static boolean accepts(final Method method, final Object... args)
    {
        final Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < args.length; i++)
        {
            if (!box(parameters[i]).isInstance(args[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(final Class<?> type)
    {
        if (!type.isPrimitive())
        {
            return type;
        }
        return switch (type.getName())
        {
            case "boolean" -> Boolean.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            case "short" -> Short.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            default -> Void.class;
        };
    }
}
