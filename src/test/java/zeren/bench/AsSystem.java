package zeren.bench;

import zeren.platform.SystemWork;

/** A benchmark is system work: it loads and reads the national tree without a user. */
final class AsSystem {

	interface Work {
		void run() throws Exception;
	}

	private AsSystem() {
	}

	static void run(Work work) throws Exception {
		Exception[] failure = new Exception[1];
		SystemWork.run("benchmark", () -> {
			try {
				work.run();
			}
			catch (Exception e) {
				failure[0] = e;
			}
		});
		if (failure[0] != null) {
			throw failure[0];
		}
	}
}
