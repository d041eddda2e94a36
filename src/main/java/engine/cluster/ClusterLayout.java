package engine.cluster;

import java.util.List;

/**
 * Where each member listens: member {@code i} on host {@code hosts[i]} uses the ports
 * {@code portBase + 100 * i + offset} (archive control +1, client ingress +2, consensus +3,
 * log +4, catch-up transfer +5), so three members fit on one machine and the same settings work
 * on three hosts.
 */
public record ClusterLayout(List<String> hosts, int portBase)
{
    static final int PORTS_PER_MEMBER = 100;
    static final int ARCHIVE_CONTROL = 1;
    static final int CLIENT_FACING = 2;
    static final int MEMBER_FACING = 3;
    static final int LOG = 4;
    static final int TRANSFER = 5;

    /** @param hosts comma-separated, one per member in member id order */
    public static ClusterLayout parse(final String hosts, final int portBase)
    {
        return new ClusterLayout(List.of(hosts.split(",")), portBase);
    }

    int port(final int member, final int offset)
    {
        return portBase + member * PORTS_PER_MEMBER + offset;
    }

    String endpoint(final int member, final int offset)
    {
        return hosts.get(member) + ":" + port(member, offset);
    }

    /** The consensus module's member list: id,ingress,consensus,log,catchup,archive|... */
    String clusterMembers()
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++)
        {
            sb.append(i).append(',').append(endpoint(i, CLIENT_FACING)).append(',').append(endpoint(i, MEMBER_FACING))
                .append(',').append(endpoint(i, LOG)).append(',').append(endpoint(i, TRANSFER)).append(',')
                .append(endpoint(i, ARCHIVE_CONTROL)).append('|');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** The client's ingress endpoints: id=host:port,... */
    public String ingressEndpoints()
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++)
        {
            sb.append(i).append('=').append(endpoint(i, CLIENT_FACING)).append(',');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }
}
