package dev.modq.cli;

import dev.modq.core.query.When;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Every time-valued option reads the one time grammar of {@link When}, the query language's. */
final class WhenConverter implements ITypeConverter<When> {

    /** The forms, for option descriptions. */
    static final String FORMS = "a date (2026-01-31), an instant (2026-02-01T10:00:00Z) or a duration ago (2d, 12h, 1w)";

    @Override
    public When convert(String text) {
        try {
            return When.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
