package org.tryst.gateway;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.function.Supplier;

/**
 * The socket transport: Linux's native epoll where it loads, which spends fewer system calls per
 * message than Java's NIO, and NIO everywhere else.
 */
public record Transport(String name, Supplier<IoHandlerFactory> io, Class<? extends ServerSocketChannel> serverChannel,
                        Class<? extends SocketChannel> clientChannel) {

    public static Transport best() {
        return Epoll.isAvailable()
                ? new Transport("epoll", EpollIoHandler::newFactory, EpollServerSocketChannel.class, EpollSocketChannel.class)
                : new Transport("nio", NioIoHandler::newFactory, NioServerSocketChannel.class, NioSocketChannel.class);
    }
}
