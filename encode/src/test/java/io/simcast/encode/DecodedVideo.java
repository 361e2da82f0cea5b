package io.simcast.encode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A video file as FFmpeg reads it back: what its header declares and every decoded picture as RGB bytes. Tests only.
 *
 * @param codec the decoder's name, e.g. "h264"
 * @param width picture width
 * @param height picture height
 * @param frameRate the stream's declared frame rate (r_frame_rate)
 * @param declaredFrames the frame count in the header (0 when it has none, e.g. a fragmented MP4)
 * @param pictures every decoded picture, RGB, 3 bytes a pixel, top row first
 */
public record DecodedVideo(String codec, int width, int height, double frameRate, long declaredFrames,
                           List<byte[]> pictures) {

    public static DecodedVideo read(Path file) {
        Ffmpeg.load();
        AVFormatContext input = new AVFormatContext(null);
        Ffmpeg.check(avformat_open_input(input, file.toString(), (AVInputFormat) null, null), "opening " + file);
        AVCodecContext decoder = null;
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        SwsContext sws = null;
        try {
            Ffmpeg.check(avformat_find_stream_info(input, (AVDictionary) null), "reading " + file);
            AVStream stream = input.streams(0);
            var codec = avcodec_find_decoder(stream.codecpar().codec_id());
            decoder = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(decoder, stream.codecpar());
            Ffmpeg.check(avcodec_open2(decoder, codec, (AVDictionary) null), "opening the decoder");
            int width = decoder.width();
            int height = decoder.height();
            List<byte[]> pictures = new ArrayList<>();
            BytePointer rgb = new BytePointer((long) width * height * 3);
            PointerPointer<BytePointer> planes = new PointerPointer<>(1);
            planes.put(0, rgb);
            IntPointer strides = new IntPointer(1);
            strides.put(0, width * 3);
            boolean draining = false;
            while (true) {
                if (!draining) {
                    if (av_read_frame(input, packet) >= 0) {
                        if (packet.stream_index() == 0) {
                            avcodec_send_packet(decoder, packet);
                        }
                        av_packet_unref(packet);
                    } else {
                        avcodec_send_packet(decoder, null);
                        draining = true;
                    }
                }
                int received;
                while ((received = avcodec_receive_frame(decoder, frame)) >= 0) {
                    sws = sws_getContext(width, height, frame.format(), width, height, AV_PIX_FMT_RGB24,
                            SWS_BILINEAR, null, null, (DoublePointer) null);
                    sws_scale(sws, frame.data(), frame.linesize(), 0, height, planes, strides);
                    sws_freeContext(sws);
                    sws = null;
                    byte[] picture = new byte[width * height * 3];
                    rgb.get(picture);
                    pictures.add(picture);
                }
                if (draining && received < 0) {
                    break;
                }
            }
            double rate = stream.r_frame_rate().num() / (double) stream.r_frame_rate().den();
            return new DecodedVideo(codec.name().getString(), width, height, rate, stream.nb_frames(), pictures);
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            avformat_close_input(input);
        }
    }

    /** Mean absolute difference of picture {@code index} from RGB {@code expected}, 0 to 255. */
    public double difference(int index, byte[] expected) {
        byte[] picture = pictures.get(index);
        long sum = 0;
        for (int i = 0; i < picture.length; i++) {
            sum += Math.abs((picture[i] & 0xff) - (expected[i] & 0xff));
        }
        return sum / (double) picture.length;
    }
}
