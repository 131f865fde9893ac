package dev.astroshell.shell;

import java.lang.reflect.Field;

import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The name JLine puts before its own questions ({@code astro-shell: do you wish to see all 72 possibilities?} when
 * Tab has many candidates). 4.0.1 builds the reader with the framework's name and offers no way to change it (the
 * bean is not conditional and the field is final), so it is set here once the reader exists.
 */
@Component
class ShellName {

	static final String NAME = "astro-shell";

	private static final Logger log = LoggerFactory.getLogger(ShellName.class);

	ShellName(LineReader reader) {
		if (reader instanceof LineReaderImpl impl) {
			try {
				Field appName = LineReaderImpl.class.getDeclaredField("appName");
				appName.setAccessible(true);
				appName.set(impl, NAME);
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				log.debug("cannot rename the line reader: {}", e.toString()); // JLine's text keeps the old name
			}
		}
	}

}
