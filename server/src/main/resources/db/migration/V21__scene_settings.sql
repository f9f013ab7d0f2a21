-- Where a private scene is set, when a persona made it from a room of the world: the room (null once
-- it is destroyed) and its name and description as they were then. This is public world text,
-- copied so that the invitee can see where the scene would happen; the scene's own words stay
-- end-to-end encrypted and are never here.
ALTER TABLE scenes ADD COLUMN setting_room TEXT REFERENCES world_rooms (id) ON DELETE SET NULL;
ALTER TABLE scenes ADD COLUMN setting_name TEXT;
ALTER TABLE scenes ADD COLUMN setting_description TEXT;
