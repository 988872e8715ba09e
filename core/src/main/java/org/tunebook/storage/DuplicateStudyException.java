package org.tunebook.storage;

/** A study with this name already exists in the storage. */
public class DuplicateStudyException extends IllegalStateException {
    public DuplicateStudyException(String name, String url) {
        super("study '" + name + "' already exists in " + url + ": load it (loadIfExists) to resume it, or choose another name");
    }
}
