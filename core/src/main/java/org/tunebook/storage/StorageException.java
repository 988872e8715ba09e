package org.tunebook.storage;

/** A storage could not be read or written; the message names the storage and the cause. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
