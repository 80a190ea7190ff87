package zeren.platform.xlsx;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import zeren.platform.InvalidInputException;

/**
 * Reads an uploaded task detail table as the application does, in a JVM of its own (started by
 * {@link LargeUploadTest} with {@code -Xmx512m}), and prints how it ended:
 * {@code REFUSED <code> <line> <ms> <peak heap MB>} or {@code ACCEPTED <rows>}.
 */
public final class RefuseLargeUpload {

	private RefuseLargeUpload() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		SheetLimits limits = new SheetLimits(Integer.parseInt(args[1]), 8000, 4_000_000);
		List<String> headers = List.of("序号", "类别", "工作任务", "目标要求", "责任领导", "牵头单位", "参与单位", "监督单位", "完成时限", "阶段节点");
		long started = System.nanoTime();
		try (InputStream in = Files.newInputStream(file)) {
			List<HeaderedSheet.Line> lines = HeaderedSheet.read(in, limits, "工作任务", headers, line -> line);
			System.out.println("ACCEPTED " + lines.size());
		}
		catch (InvalidInputException e) {
			long millis = (System.nanoTime() - started) / 1_000_000;
			Runtime runtime = Runtime.getRuntime();
			System.out.println("REFUSED %s %d %d %d".formatted(e.errors().get(0).code(), e.errors().get(0).line(), millis,
					(runtime.totalMemory() - runtime.freeMemory()) >> 20));
		}
	}
}
