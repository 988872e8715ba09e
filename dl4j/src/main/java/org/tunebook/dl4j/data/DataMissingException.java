package org.tunebook.dl4j.data;

/** A data set is not in the cache; the message names the command that fetches it. */
public class DataMissingException extends RuntimeException {
    public DataMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
