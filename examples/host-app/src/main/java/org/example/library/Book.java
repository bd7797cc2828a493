package org.example.library;

/** One entry of the reading list. */
public record Book(long id, String title, String author) {
}
