package org.capebatch.source;

/**
 * A unit of the import step: a whole input file, or one byte range of a large CSV file.
 */
public record InputPart(InputFile file, int part, ByteRange range) {
}
