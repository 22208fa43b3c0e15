package io.ptimer.samples.hotreload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptimer.api.TimerContext;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The routes of {@code t1}. {@code GET_DATA} (start) fetches the task data from the API, sets
 * {@code ntasks} from its {@code len} and keeps the items as the worker's data (Kamailio's
 * {@code worker_data} xavp, here a field). {@code HANDLE_DATA} (loop) handles this slice's share
 * of the items: {@code tasks} of them, from the slice's first item on.
 */
public class TaskLoader {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private List<DataSet.Item> data = List.of();
    private int load;

    public void getData(TimerContext ctx) throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(TaskApi.current().dataUri()).timeout(Duration.ofSeconds(2)).GET().build();
        HttpResponse<byte[]> response = HTTP.send(get, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + get.uri() + ": HTTP " + response.statusCode());
        }
        DataSet set = JSON.readValue(response.body(), DataSet.class);
        ctx.ntasks(set.len());
        data = set.data();
        load = HandledTasks.loaded(set);
    }

    public void handleData(TimerContext ctx) {
        int first = (int) ((long) ctx.slice() * ctx.ntasks() / ctx.nslices());
        for (int i = first; i < first + ctx.tasks(); i++) {
            HandledTasks.handled(load, data.get(i).a());
        }
    }
}
