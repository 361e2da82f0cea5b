package io.simcast.encode;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * Where an encoder's packets go (an MP4 file, a WHIP connection). Called on the encoding thread; the packet is the
 * encoder's and valid only during the call, its timestamps in the encoder's time base.
 */
@FunctionalInterface
public interface PacketSink {
    void write(AVPacket packet);
}
