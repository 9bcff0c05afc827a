package io.orbit.processor.element;

import io.orbit.processor.diagnostic.Problem;
import io.orbit.processor.model.OrbitType;
import java.util.List;

/**
 * The outcome of building a record's model.
 */
public sealed interface BuildResult
{
    /**
     * A complete, laid-out model.
     *
     * @param type the model.
     */
    record Built(OrbitType type) implements BuildResult
    {
    }

    /**
     * The record has components without a fixed layout.
     *
     * @param problems every problem found, on the record's fields.
     * @param cycle    the nesting cycle that made it invalid (e.g. {@code a.A -> b.B -> a.A}), or null.
     */
    record Invalid(List<Problem> problems, String cycle) implements BuildResult
    {
        /**
         * Copies the problems.
         */
        public Invalid
        {
            problems = List.copyOf(problems);
        }

        /**
         * @return a one-line reason for a message on an enclosing record.
         */
        public String reason()
        {
            final String first = problems.get(0).summary();
            return problems.size() == 1 ? first : first + ", and " + (problems.size() - 1) + " more";
        }
    }

    /**
     * A component refers to a type that does not exist yet (perhaps generated in a later round).
     *
     * @param reason what was unresolved.
     */
    record Deferred(String reason) implements BuildResult
    {
    }
}
