package org.gatehouse.server.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shell commands a reader is shown in README.md and docs/*.md. Candidates are the lines of
 * fenced code blocks (``` or ```sh) and inline code spans that start with {@code java},
 * {@code curl}, {@code mvn} or {@code echo … | java} (and, in fenced blocks, the repository's
 * {@code ops/…sh} and {@code bench/…sh} scripts); a trailing {@code # comment} is dropped and
 * {@code a && b} is two commands. An inline span followed by {@code → `output`} documents that
 * command's output; in a fenced block, {@code # => STATUS [sample JSON]} lines (continued on
 * further {@code #} lines) right after a command document its answer. Shell definitions in a fenced
 * block ({@code NAME=value}, {@code name() { … }}) are kept as commands too: later commands of the
 * same document use them. A fenced block after a line ending in {@code `file.ext`:} is an example
 * file of that name.
 */
final class DocumentedCommands {

	/**
	 * One command, where it is written, what the document says it prints and the answer it documents
	 * with {@code # =>} (null: nothing said).
	 */
	record Command(String document, int line, String text, String expectedOutput, String answer) {

		private static final Pattern DEFINITION = Pattern.compile("[A-Za-z_]\\w*=\\S*|\\w+\\(\\)\\s*\\{.*\\}\\s*;?");

		String where() {
			return document + ":" + line + ": `" + text + "`";
		}

		/** A variable or function the document's later commands use, not a command of its own. */
		boolean definition() {
			return DEFINITION.matcher(text).matches();
		}

		Command answering(String more) {
			return new Command(document, line, text, expectedOutput, answer == null ? more : answer + " " + more);
		}
	}

	/** A file a document shows, to be created before its commands run. */
	record ExampleFile(String document, String name, String content) {
	}

	private static final Pattern INLINE = Pattern.compile("`([^`]+)`(?:\\s*→\\s*`([^`]+)`)?");
	private static final Pattern CANDIDATE = Pattern
		.compile("^(java|curl|mvn)\\s.*|^([A-Z_]+=\\S*\\s+)*bin/gatehouse(\\s.*)?|^echo\\s.*\\|\\s*(java|bin/gatehouse)\\s.*");
	/** The repository's own scripts, as a fenced block shows them run. */
	private static final Pattern SCRIPT = Pattern.compile("^(ops|bench)/\\S+\\.sh(\\s.*)?$");
	private static final Pattern FILE_INTRODUCTION = Pattern.compile(".*`([\\w.-]+\\.\\w+)`:$");

	private static final Set<String> SHELL_FENCES = Set.of("", "sh", "bash", "shell");

	private DocumentedCommands() {
	}

	static List<Command> in(Path repository) {
		List<Command> commands = new ArrayList<>();
		for (Path document : documents(repository)) {
			String name = repository.relativize(document).toString();
			List<String> lines = read(document);
			boolean inFence = false;
			boolean shellFence = false;
			int answered = -1; // the command the next "# =>" line belongs to
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.startsWith("```")) {
					inFence = !inFence;
					shellFence = inFence && SHELL_FENCES.contains(line.substring(3).strip());
					answered = -1;
					continue;
				}
				if (shellFence) {
					if (answered >= 0 && line.startsWith("#") && (line.startsWith("# =>") || commands.get(answered).answer() != null)) {
						commands.set(answered, commands.get(answered).answering(line.substring(1).strip()));
						continue;
					}
					int first = i;
					while (line.endsWith("\\") && i + 1 < lines.size()) {
						line = line.substring(0, line.length() - 1).strip() + " " + lines.get(++i).strip();
					}
					int before = commands.size();
					addCandidates(commands, name, first + 1, withoutComment(line), null);
					if (SCRIPT.matcher(withoutComment(line)).matches()) {
						commands.add(new Command(name, first + 1, withoutComment(line), null, null));
					}
					if (Command.DEFINITION.matcher(line).matches()) {
						commands.add(new Command(name, first + 1, line, null, null));
					}
					answered = commands.size() > before ? commands.size() - 1 : -1;
				}
				else if (!inFence) {
					int first = i;
					// a code span may wrap onto the next line of the paragraph
					while (line.chars().filter(c -> c == '`').count() % 2 == 1 && i + 1 < lines.size()
							&& !lines.get(i + 1).strip().startsWith("```")) {
						line = line + " " + lines.get(++i).strip();
					}
					Matcher span = INLINE.matcher(line);
					while (span.find()) {
						addCandidates(commands, name, first + 1, span.group(1).strip(), span.group(2));
					}
				}
			}
		}
		return commands;
	}

	static List<ExampleFile> files(Path repository) {
		List<ExampleFile> files = new ArrayList<>();
		for (Path document : documents(repository)) {
			List<String> lines = read(document);
			for (int i = 0; i + 1 < lines.size(); i++) {
				Matcher introduction = FILE_INTRODUCTION.matcher(lines.get(i).strip());
				int fence = i + 1;
				while (fence < lines.size() && lines.get(fence).isBlank()) {
					fence++;
				}
				if (introduction.matches() && fence < lines.size() && lines.get(fence).strip().startsWith("```")) {
					StringBuilder content = new StringBuilder();
					for (int j = fence + 1; j < lines.size() && !lines.get(j).strip().startsWith("```"); j++) {
						content.append(lines.get(j)).append('\n');
					}
					files.add(new ExampleFile(repository.relativize(document).toString(), introduction.group(1), content.toString()));
				}
			}
		}
		return files;
	}

	private static void addCandidates(List<Command> commands, String document, int line, String text, String output) {
		for (String part : text.split("\\s+&&\\s+")) {
			if (CANDIDATE.matcher(part.strip()).matches()) {
				commands.add(new Command(document, line, part.strip(), output, null));
			}
		}
	}

	private static String withoutComment(String line) {
		int hash = line.indexOf(" #");
		return hash < 0 ? line : line.substring(0, hash).strip();
	}

	private static List<Path> documents(Path repository) {
		List<Path> documents = new ArrayList<>();
		documents.add(repository.resolve("README.md"));
		try (Stream<Path> docs = Files.list(repository.resolve("docs"))) {
			docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	private static List<String> read(Path document) {
		try {
			return Files.readAllLines(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
