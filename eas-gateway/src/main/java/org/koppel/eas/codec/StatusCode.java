package org.koppel.eas.codec;

import java.util.Optional;

/**
 * A value of a command's Status element. Every command's status enum implements it so that
 * codecs read and write statuses the same way and unknown codes are refused in one place.
 */
public interface StatusCode {
    /** The number written in the Status element. */
    int code();

    /** The constant of {@code type} with this code, if there is one. */
    static <E extends Enum<E> & StatusCode> Optional<E> of(Class<E> type, int code) {
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
