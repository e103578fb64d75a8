package io.groundbreak.demo.load;

/** A request that was not answered with 2xx (status 0: no answer at all), with what the service said. */
public record FailedRequest(String projectCode, String user, String path, int status, String answer) {

    @Override
    public String toString() {
        return projectCode + " as " + user + ": POST " + path + " → "
                + (status == 0 ? "no answer" : "HTTP " + status) + ": " + answer;
    }
}
