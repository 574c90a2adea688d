package cn.fjsti.chainreport.report;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One row of the table of strong units (优势单位（团队）): name, kind, field or strength, contact. */
@Embeddable
public class StrengthUnit {

    public String name;

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    public String strength;

    public String contact;

    protected StrengthUnit() {
    }

    public StrengthUnit(String name, UnitKind kind, String strength, String contact) {
        this.name = name;
        this.kind = kind;
        this.strength = strength;
        this.contact = contact;
    }

    public StrengthUnit copy() {
        return new StrengthUnit(name, kind, strength, contact);
    }
}
