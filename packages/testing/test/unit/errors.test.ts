import { ProviderCallError, ProviderHostStartError, grpcCodeName } from "../../src/errors";

test("gRPC code names", () => {
    expect([0, 2, 4, 12, 14, 16].map(grpcCodeName)).toEqual([
        "OK",
        "UNKNOWN",
        "DEADLINE_EXCEEDED",
        "UNIMPLEMENTED",
        "UNAVAILABLE",
        "UNAUTHENTICATED",
    ]);
    expect(grpcCodeName(99)).toBe("CODE_99");
});

test("ProviderCallError carries method, code and details, and says all three", () => {
    const error = new ProviderCallError("create", 2, "alert not found");
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
        name: "ProviderCallError",
        method: "create",
        code: 2,
        codeName: "UNKNOWN",
        details: "alert not found",
    });
    expect(error.message).toBe("create failed with gRPC UNKNOWN (2): alert not found");
});

test("ProviderHostStartError shows the host's output", () => {
    expect(new ProviderHostStartError("no port", ["line 1", "line 2"]).message).toBe(
        "no port\n--- host output ---\nline 1\nline 2",
    );
    expect(new ProviderHostStartError("no port", []).message).toBe("no port");
});
