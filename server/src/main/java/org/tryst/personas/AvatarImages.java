package org.tryst.personas;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;

/**
 * Turns an uploaded picture into a persona's avatar: the middle square of its pixels, scaled to
 * {@link #SIZE} pixels a side and encoded anew, so that nothing else the file carried (EXIF, a GPS
 * position, the camera, comments, thumbnails) survives. The size is read before any pixel is, so a
 * small file that would decode into an enormous picture is refused first.
 */
final class AvatarImages {
    /** The side of every avatar, in pixels. */
    static final int SIZE = 256;
    /** The longest side an uploaded picture may have. */
    static final int MAX_SIDE = 2_048;
    /** The shortest. */
    static final int MIN_SIDE = 32;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");
    /** Decoding takes memory in proportion to the picture: a few at a time, whatever many people upload at once. */
    private static final Semaphore DECODING = new Semaphore(2);

    /** An encoded avatar and its media type. */
    record Encoded(String type, byte[] bytes) {}

    private AvatarImages() {}

    static Encoded reencode(byte[] upload) {
        DECODING.acquireUninterruptibly();
        try {
            return encode(square(decode(upload)));
        } finally {
            DECODING.release();
        }
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw refused("an avatar is a PNG, JPEG or GIF picture");
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw refused("an avatar is a PNG, JPEG or GIF picture");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (Math.max(width, height) > MAX_SIDE || Math.min(width, height) < MIN_SIDE) {
                    throw refused("an avatar is " + MIN_SIDE + " to " + MAX_SIDE + " pixels a side");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ProtocolException refusal) throw refusal;
            throw refused("that picture could not be read");
        }
    }

    /** The middle square, scaled to the avatar's size; transparent where the picture was. */
    private static BufferedImage square(BufferedImage picture) {
        int side = Math.min(picture.getWidth(), picture.getHeight());
        int left = (picture.getWidth() - side) / 2;
        int top = (picture.getHeight() - side) / 2;
        boolean alpha = picture.getColorModel().hasAlpha();
        BufferedImage avatar = new BufferedImage(SIZE, SIZE, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = avatar.createGraphics();
        try {
            canvas.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            canvas.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            canvas.drawImage(picture, 0, 0, SIZE, SIZE, left, top, left + side, top + side, null);
        } finally {
            canvas.dispose();
        }
        return avatar;
    }

    /** JPEG for photographs, PNG where there is transparency to keep. */
    private static Encoded encode(BufferedImage avatar) {
        boolean alpha = avatar.getColorModel().hasAlpha();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(alpha ? "png" : "jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (!alpha) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(0.85f);
            }
            writer.write(null, new IIOImage(avatar, null, null), parameters);
        } catch (IOException e) {
            throw new IllegalStateException("an avatar in memory could not be encoded", e);
        } finally {
            writer.dispose();
        }
        return new Encoded(alpha ? "image/png" : "image/jpeg", bytes.toByteArray());
    }

    private static ProtocolException refused(String rule) {
        return new ProtocolException(ErrorCode.INVALID_MESSAGE, rule);
    }
}
