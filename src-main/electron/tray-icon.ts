/**
 * The tray icon (32×32 PNG: a flask on LabFlow's teal), inline so the tray works without an icon
 * file in the package. Replace with the product icon once there is one.
 */
export const TRAY_ICON_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAfUlEQVR42u3X6w3AIAhGUTfpiB3EodsF2srjCqSBxL9+J8YojNGlqOOcl2SlBeMQazACocJNCDpchZBs9FYIIhUgPUoP4BORCtBcJi/gEdGABjTAE4y8iFS4FFEPsEKQANNfEAKgENv6gRCAFxHWFyK3vnRbXmIwKTOa/bpu5210C04OGF0AAAAASUVORK5CYII=';
