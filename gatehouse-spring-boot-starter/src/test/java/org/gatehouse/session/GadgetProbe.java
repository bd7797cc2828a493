package org.gatehouse.session;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for a deserialisation gadget: a class on the class path that does something as soon as it is
 * instantiated, by a constructor, a setter or Java deserialisation. Counts how often that happened.
 */
public class GadgetProbe implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final AtomicInteger INSTANTIATED = new AtomicInteger();

	private String command;

	public GadgetProbe() {
		INSTANTIATED.incrementAndGet();
	}

	public String getCommand() {
		return this.command;
	}

	public void setCommand(String command) {
		INSTANTIATED.incrementAndGet();
		this.command = command;
	}

	@Serial
	private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
		INSTANTIATED.incrementAndGet();
		in.defaultReadObject();
	}
}
