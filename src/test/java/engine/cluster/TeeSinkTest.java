package engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.EventSink;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tee gives both sinks every event, with the same arguments: the reply and the read side never differ. */
class TeeSinkTest
{
    @Test
    void everyEventReachesBothSinksUnchanged() throws Exception
    {
        final List<String> first = new ArrayList<>();
        final List<String> second = new ArrayList<>();
        final EventSink tee = new TeeSink().to(recorder(first), recorder(second));
        final List<String> expected = new ArrayList<>();
        for (final Method method : EventSink.class.getMethods())
        {
            final Object[] args = sampleArguments(method);
            method.invoke(tee, args);
            expected.add(call(method, args));
        }
        assertThat(first).isEqualTo(expected);
        assertThat(second).isEqualTo(expected);
    }

    private static EventSink recorder(final List<String> calls)
    {
        return (EventSink)Proxy.newProxyInstance(TeeSinkTest.class.getClassLoader(), new Class<?>[] {EventSink.class},
            (proxy, method, args) ->
            {
                calls.add(call(method, args));
                return null;
            });
    }

    private static String call(final Method method, final Object[] args)
    {
        return method.getName() + List.of(args);
    }

    /** Distinct values per parameter, so a swapped or dropped argument shows. */
    private static Object[] sampleArguments(final Method method)
    {
        final Class<?>[] types = method.getParameterTypes();
        final Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++)
        {
            if (types[i] == long.class)
            {
                args[i] = 100L + i;
            }
            else if (types[i] == boolean.class)
            {
                args[i] = true;
            }
            else
            {
                args[i] = types[i].getEnumConstants()[i % types[i].getEnumConstants().length];
            }
        }
        return args;
    }
}
