package dev.athanor.processor;

import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The resource {@value #PATH}: the binary names of the compilation's entity classes, one per line (UTF-8, sorted so
 * that builds are reproducible). The CDI extension reads it, because bean discovery may not see entity classes.
 *
 * <p>Names accumulate over the rounds and the file is written once, in the last round: a resource, unlike a source
 * file, can be created only once per compilation. An incremental compilation sees only the changed classes, so the
 * names already in the file are kept, unless the class is found and is no longer an entity.
 */
final class EntityIndex {
    /** Where the index goes, relative to the class output. */
    static final String PATH = "META-INF/athanor/entities";

    private final SortedSet<String> names = new TreeSet<>();

    /** Records an entity class of this compilation. */
    void add(String binaryName) {
        names.add(binaryName);
    }

    /**
     * Writes the index, merged with the one a previous compilation left in the class output if the Filer can read
     * it. Writes nothing when there is no entity, old or new.
     *
     * @throws IOException if the file cannot be written
     */
    void write(Filer filer, Elements elements) throws IOException {
        SortedSet<String> all = new TreeSet<>(names);
        boolean existed = readPrevious(filer, elements, all);
        if (all.isEmpty() && !existed) {
            return;
        }
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
        try (OutputStream out = file.openOutputStream()) {
            StringBuilder text = new StringBuilder();
            all.forEach(name -> text.append(name).append('\n'));
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Adds the still valid names of an existing index to {@code into}; whether there was one to read. */
    private static boolean readPrevious(Filer filer, Elements elements, Set<String> into) {
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            try (Reader reader = new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8);
                    BufferedReader lines = new BufferedReader(reader)) {
                lines.lines().map(String::strip).filter(line -> !line.isEmpty())
                        .filter(name -> !isNoLongerAnEntity(name, elements)).forEach(into::add);
            }
            return true;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
            // No previous index (the usual case: a clean build), or a Filer that cannot read its output (allowed
            // by the Filer's contract): the index then lists this compilation's entities only.
            return false;
        }
    }

    /**
     * Whether a name from a previous index names a class that exists and has lost its {@code @Entity}. A class that
     * cannot be found is kept: the class output is not always on the class path, so absence proves nothing.
     */
    private static boolean isNoLongerAnEntity(String binaryName, Elements elements) {
        // The canonical name, as getTypeElement wants it; a '$' in a class's own name is rare enough to ignore.
        TypeElement type = elements.getTypeElement(binaryName.replace('$', '.'));
        return type != null && !Names.isAnnotated(type, Names.ENTITY);
    }
}
